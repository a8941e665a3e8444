package com.spurlab.ui;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plain words for step parameters and their choices, which the parameter records name in code: labels
 * ("Learning rate" for {@code learningRate}), what each training method does, and which parameters belong
 * to one method only. Unknown names get a readable label from their camel case.
 */
final class ParameterWords {

    /** Methods that balance groups: they need an attribute to form groups (the TRAIN step refuses them else). */
    static final Set<String> GROUP_METHODS = Set.of("REWEIGHT", "GROUP_DRO", "DFR");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("groupBy", "Group by (attributes)"), Map.entry("learningRate", "Learning rate"),
            Map.entry("batchSize", "Batch size"), Map.entry("imageSize", "Image size (px)"),
            Map.entry("groupDroEta", "GroupDRO step size (η)"), Map.entry("jttEpochs", "JTT identification epochs"),
            Map.entry("jttUpweight", "JTT error up-weight (λ)"), Map.entry("modelRunId", "Model (run id)"),
            Map.entry("datasetVersionId", "Dataset version (id)"), Map.entry("dependsOn", "Runs after steps"));

    private static final Map<String, String> CHOICES = Map.ofEntries(
            Map.entry("ERM", "ERM — plain training: the baseline every mitigation is compared with"),
            Map.entry("REWEIGHT", "Reweight — batches drawn so that every group counts the same (needs an attribute)"),
            Map.entry("GROUP_DRO", "GroupDRO — training leans on whichever group currently does worst "
                    + "(needs an attribute)"),
            Map.entry("JTT", "JTT — a short first run finds the images it gets wrong; the final model sees those "
                    + "images more often (no attribute needed)"),
            Map.entry("DFR", "DFR — plain training, then only the last layer is refitted on group-balanced val "
                    + "images (needs an attribute and a val split)"),
            Map.entry("CNN", "CNN — small and fast"), Map.entry("RESNET", "ResNet-10 — deeper, slower"),
            Map.entry("WORST_GROUP", "Best worst-group accuracy on val"), Map.entry("ACCURACY", "Best accuracy on val"),
            Map.entry("LAST", "Last epoch (no val check)"));

    /** Parameters that only one method reads. */
    private static final Map<String, String> METHOD_OF = Map.of("groupDroEta", "GROUP_DRO", "jttEpochs", "JTT",
            "jttUpweight", "JTT");

    private ParameterWords() {
    }

    static String label(String parameter) {
        String known = LABELS.get(parameter);
        if (known != null) {
            return known;
        }
        String words = parameter.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A choice as people read it ("GroupDRO — ..."); the code itself when it has no description. */
    static String choice(String code) {
        return CHOICES.getOrDefault(code, code);
    }

    /** The short name of a choice (the part before the dash). */
    static String shortChoice(String code) {
        String text = choice(code);
        int dash = text.indexOf(" — ");
        return dash < 0 ? text : text.substring(0, dash);
    }

    /** The method a parameter belongs to, or null when every method reads it. */
    static String methodOf(String parameter) {
        return METHOD_OF.get(parameter);
    }
}
