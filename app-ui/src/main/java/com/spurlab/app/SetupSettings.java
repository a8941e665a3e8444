package com.spurlab.app;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator of an installation without one. Either given at start
 * ({@code SPURLAB_SETUP_ADMIN_PASSWORD}, or a file holding it), or created on the one-time page
 * {@code /setup} with the code that start-up writes to {@code DATA/setup-code}.
 *
 * @param adminUsername      the first admin's name when the password is given at start
 * @param adminPassword      the first admin's password (used once; an admin already present wins)
 * @param adminPasswordFile  a file whose first line is that password
 */
@ConfigurationProperties("spurlab.setup")
public record SetupSettings(@DefaultValue("admin") String adminUsername, String adminPassword,
                            Path adminPasswordFile) {
}
