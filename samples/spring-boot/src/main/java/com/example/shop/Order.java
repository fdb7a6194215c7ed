package com.example.shop;

/**
 * An order placed in the shop.
 *
 * @param number the order number, such as {@code A-1001}
 * @param customerName the customer's name
 * @param customerEmail where the mail goes
 */
public record Order(String number, String customerName, String customerEmail) {
}
