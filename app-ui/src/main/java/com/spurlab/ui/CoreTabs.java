package com.spurlab.ui;

import com.spurlab.core.dataset.DatasetDeletion;
import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.experiment.ExperimentService;
import com.spurlab.core.experiment.PilotPlans;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.ProjectAccess;
import com.spurlab.core.run.RunService;
import com.spurlab.core.step.StepCatalog;
import com.vaadin.flow.component.Component;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The project view's own tabs: datasets, experiments and queue (the dashboard is its own package's bean). */
@Configuration(proxyBeanMethods = false)
class CoreTabs {

    @Bean
    ProjectTab datasetsTab(DatasetService datasets, DatasetSamples samples, DatasetDeletion deletion,
                           ProjectAccess access, RunService runs) {
        return tab("Datasets", 20, Capability.UPLOAD, id -> new DatasetsPanel(id, datasets, samples, deletion,
                access.allows(id, Capability.MANAGE), runs::runOfJob));
    }

    @Bean
    ProjectTab experimentsTab(DatasetService datasets, ExperimentService experiments, StepCatalog catalog,
                              PilotPlans pilots) {
        return tab("Experiments", 30, Capability.MANAGE, id -> new ExperimentsPanel(id, datasets, experiments, catalog,
                pilots));
    }

    @Bean
    ProjectTab queueTab(ExperimentService experiments, Clock clock) {
        return tab("Queue", 90, Capability.OPERATE, id -> new QueuePanel(() -> experiments.queue(id), experiments,
                clock, false));
    }

    private static ProjectTab tab(String title, int order, Capability requires,
                                  java.util.function.LongFunction<Component> factory) {
        return new ProjectTab() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public Capability requires() {
                return requires;
            }

            @Override
            public Component create(long projectId) {
                return factory.apply(projectId);
            }
        };
    }
}
