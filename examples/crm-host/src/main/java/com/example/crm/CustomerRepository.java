package com.example.crm;

import org.springframework.data.jpa.repository.JpaRepository;

/** The CRM's customers (Spring Data JPA). */
public interface CustomerRepository extends JpaRepository<Customer, String> {
}
