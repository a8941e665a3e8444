package com.spurlab;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** SpurLab's one composition root: scans every module's packages under com.spurlab. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Theme(themeClass = Lumo.class)
@Push // views that show results (the dashboard) update when results change, without the browser polling
@PWA(name = "SpurLab", shortName = "SpurLab")
public class SpurLabApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(SpurLabApplication.class, args);
    }
}
