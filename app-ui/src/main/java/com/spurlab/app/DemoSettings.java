package com.spurlab.app;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo installation (profile {@code demo}).
 *
 * @param enabled          create demo users and the demo project at start
 * @param fashionMnistDir  where Debian's dataset-fashion-mnist installs its files
 * @param runPilot         plan the whole pilot (PilotPlans: baseline first, then cues, edits, mitigations, audits) on
 *                         the demo dataset
 * @param password         the demo users' password; when unset one is generated once per data folder
 */
@ConfigurationProperties("spurlab.demo")
record DemoSettings(@DefaultValue("false") boolean enabled,
                    @DefaultValue("/usr/share/datasets/fashion-mnist") Path fashionMnistDir,
                    @DefaultValue("true") boolean runPilot,
                    String password) {
}
