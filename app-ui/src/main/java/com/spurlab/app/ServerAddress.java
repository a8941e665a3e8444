package com.spurlab.app;

import org.springframework.core.env.Environment;

/** The URL this process actually serves (its real port, once the web server has started). */
final class ServerAddress {

    private ServerAddress() {
    }

    static String of(Environment environment) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String host = environment.getProperty("server.address", "localhost");
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "localhost";
        }
        String context = environment.getProperty("server.servlet.context-path", "");
        return "http://" + host + ":" + port + context;
    }
}
