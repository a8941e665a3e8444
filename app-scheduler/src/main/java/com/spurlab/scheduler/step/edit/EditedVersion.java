package com.spurlab.scheduler.step.edit;

import com.spurlab.core.dataset.DerivedVersions;
import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.core.edit.EditResults;
import com.spurlab.inference.edit.EditOperation;
import com.spurlab.inference.edit.EditResult;
import com.spurlab.inference.edit.EditedItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The edited dataset version a confirmation run makes: its split holds the edits only (each linked to its original,
 * with how it was made), the other splits are the source's, shared by reference. Images of the split that were not
 * edited (another value of the cue, no mask) are not in it: the split is the counterfactual set, nothing else.
 */
final class EditedVersion {

    private EditedVersion() {
    }

    /**
     * @param sources the source version's samples by id
     * @param cue     the cue edited, recorded in each item's provenance
     */
    static DerivedVersions.Derivation of(long sourceVersionId, long jobId, EditResult result,
                                         Map<Long, SampleRecord> sources, String cue) {
        Set<String> shared = new TreeSet<>();
        sources.values().forEach(s -> shared.add(s.split()));
        shared.remove(result.split());
        List<DerivedVersions.AddedSample> added = result.items().stream().map(item -> {
            SampleRecord original = sources.get(Long.parseLong(item.sourceSampleId()));
            // The foreground stays where it was in every edit, so the original's manifest mask still fits; a caption
            // would still describe the old background (or word) unless the edit only filled a word in.
            return new DerivedVersions.AddedSample(item.editedFile(), original.mask(), original.label(), item.split(),
                    item.operation() == EditOperation.INPAINT ? original.caption() : null, item.attributes(),
                    original.id(), provenance(item, cue));
        }).toList();
        return new DerivedVersions.Derivation(sourceVersionId, jobId, EditResults.KIND, shared, Map.of(), added);
    }

    /** How an item was made: what its sample's provenance column holds. */
    static Map<String, Object> provenance(EditedItem item, String cue) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("operation", item.operation().name());
        p.put("cue", cue);
        p.put("seed", item.seed());
        p.put("maskSource", item.maskSource() == null ? null : item.maskSource().name());
        p.put("donorSampleId", item.donorSampleId() == null ? null : Long.parseLong(item.donorSampleId()));
        return p;
    }

    /** Original sample id → the id of its edit, from the edited version's samples of the edited split. */
    static Map<String, String> editedIds(List<SampleRecord> edited, String split) {
        Map<String, String> ids = new LinkedHashMap<>();
        edited.stream().filter(s -> s.split().equals(split) && s.originSampleId() != null)
                .forEach(s -> ids.put(String.valueOf(s.originSampleId()), String.valueOf(s.id())));
        return ids;
    }
}
