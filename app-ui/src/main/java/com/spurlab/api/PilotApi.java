package com.spurlab.api;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.experiment.ExperimentView;
import com.spurlab.core.experiment.PilotPlans;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The whole pilot as one experiment (leads). */
@RestController
class PilotApi {

    record PlanPilot(Long datasetVersionId, String cue) {
    }

    private final PilotPlans pilots;

    PilotApi(PilotPlans pilots) {
        this.pilots = pilots;
    }

    @Operation(summary = "Plan the whole pilot on a version: baseline, extract, edit/confirm, synthesize, retrain "
            + "(ERM on the derived version, GroupDRO, DFR), audit. Without cue: the attribute the composition flags "
            + "most strongly, else EXTRACT's top cue. Step types this installation lacks are left out (see note).")
    @PostMapping("/api/v1/projects/{projectId}/pilots")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> plan(@PathVariable long projectId, @RequestBody PlanPilot body) {
        if (body == null || body.datasetVersionId() == null) {
            throw new InvalidRequestException("missing_dataset", "give datasetVersionId: the READY version to pilot on");
        }
        ExperimentView pilot = pilots.plan(projectId, body.datasetVersionId(), body.cue());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", pilot.id());
        out.put("name", pilot.name());
        out.put("steps", pilot.jobs().stream().map(j -> j.type()).toList());
        out.put("note", pilot.note());
        return out;
    }
}
