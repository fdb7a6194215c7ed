package com.example.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/** The shop: Spring Boot configures its JavaMailSender from the spring.mail.* properties. */
@SpringBootApplication
@EnableAsync
public class ShopApplication {

    /**
     * Starts the shop.
     *
     * @param args command line arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
