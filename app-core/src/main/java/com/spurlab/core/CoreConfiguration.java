package com.spurlab.core;

import com.spurlab.core.dataset.UploadLimits;
import com.spurlab.core.experiment.QueueSettings;
import com.spurlab.core.storage.StorageSettings;
import com.spurlab.core.user.AccountSettings;
import com.spurlab.core.user.SignInSettings;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What app-core contributes to the application context. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StorageSettings.class, QueueSettings.class, AccountSettings.class, SignInSettings.class,
        UploadLimits.class})
class CoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating encoder: bcrypt today, upgradable later without invalidating stored hashes.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
