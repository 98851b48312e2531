package io.airtix.payments.payment;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProviderEventRepository extends JpaRepository<ProviderEventRecord, String> {}
