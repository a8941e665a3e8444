package com.spurlab.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link DataFolderPermissions} early: static, so it runs before the database is opened. */
@Configuration(proxyBeanMethods = false)
class DataFolderConfiguration {

    @Bean
    static DataFolderPermissions dataFolderPermissions() {
        return new DataFolderPermissions();
    }
}
