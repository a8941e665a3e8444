package com.spurlab.scheduler.step;

import com.spurlab.core.step.Described;
import com.spurlab.inference.model.ClassifierNetwork;
import com.spurlab.inference.train.MethodOptions;
import com.spurlab.inference.train.ModelSelection;
import com.spurlab.inference.train.TrainingLimits;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingSettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** TRAIN's parameters; a left-out one takes the default of app-inference's training settings. */
public record TrainParams(
        @Described("How to train. ERM is the plain baseline; REWEIGHT, GROUP_DRO, JTT and DFR aim at the worst group "
                + "(REWEIGHT, GROUP_DRO and DFR need groupBy; DFR needs a val split).")
        TrainingMethod method,
        @Described("The network: CNN (fast) or RESNET (a small ResNet-10, slower, deeper).")
        ClassifierNetwork model,
        @Min(1) @Max(TrainingLimits.MAX_EPOCHS) @Described("Passes over the training split.")
        Integer epochs,
        @Min(0) @Described("Seeds initialisation, shuffling and augmentation: the same seed gives the same model.")
        Long seed,
        @Min(1) @Max(TrainingLimits.MAX_BATCH) @Described("Images per optimisation step.")
        Integer batchSize,
        @Min(TrainingLimits.MIN_IMAGE) @Max(TrainingLimits.MAX_IMAGE) @Described("Side in pixels the images are resized to.")
        Integer imageSize,
        @DecimalMin("0.000001") @DecimalMax("1") @Described("Adam's learning rate at the start of the cosine schedule.")
        Double learningRate,
        @Described("Attributes that, with the label, define the groups whose accuracy is balanced and reported. "
                + "Default: the attribute the dataset's composition flags most strongly as a cue.")
        List<String> groupBy,
        @Pattern(regexp = TrainingLimits.AUGMENTATION_PATTERN, message = "must be none or a comma list of flip, "
                + "crop[=pixels], jitter[=strength below 1], e.g. 'flip,crop=4,jitter=0.2'")
        @Described("Training-time augmentation: none, or e.g. flip,crop=4,jitter=0.2.")
        String augmentation,
        @Described("Which epoch to keep, judged on val: WORST_GROUP accuracy, ACCURACY, or the LAST epoch.")
        ModelSelection selection,
        @Min(0) @Max(TrainingLimits.MAX_EPOCHS) @Described("Early stopping: stop after this many epochs without a better "
                + "val score; 0 never stops early.")
        Integer patience,
        @DecimalMin("0.0001") @DecimalMax("10") @Described("GROUP_DRO: step size of the group weights.")
        Double groupDroEta,
        @Min(1) @Max(TrainingLimits.MAX_JTT_EPOCHS) @Described("JTT: epochs of the run that finds the errors.")
        Integer jttEpochs,
        @Min(1) @Max(1000) @Described("JTT: how many times each error of the first run is sampled (a whole number).")
        Integer jttUpweight) {

    public TrainParams {
        TrainingSettings base = TrainingSettings.defaults(List.of("a", "b"));
        MethodOptions options = MethodOptions.defaults();
        method = method == null ? base.method() : method;
        model = model == null ? options.network() : model;
        epochs = epochs == null ? base.epochs() : epochs;
        seed = seed == null ? base.seed() : seed;
        batchSize = batchSize == null ? base.batchSize() : batchSize;
        imageSize = imageSize == null ? base.imageSize() : imageSize;
        // Through its decimal text: a widened float (0.0010000000474974513) is not what anyone typed.
        learningRate = learningRate == null ? Double.valueOf(Float.toString(base.learningRate())) : learningRate;
        groupBy = groupBy == null ? null : List.copyOf(groupBy);
        augmentation = augmentation == null ? options.augmentation().toString()
                : augmentation.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        selection = selection == null ? options.selection() : selection;
        patience = patience == null ? options.patience() : patience;
        groupDroEta = groupDroEta == null ? options.groupDroEta() : groupDroEta;
        jttEpochs = jttEpochs == null ? options.jttEpochs() : jttEpochs;
        jttUpweight = jttUpweight == null ? options.jttTimes() : jttUpweight;
    }

    TrainParams withGroupBy(List<String> attributes) {
        return new TrainParams(method, model, epochs, seed, batchSize, imageSize, learningRate, attributes, augmentation,
                selection, patience, groupDroEta, jttEpochs, jttUpweight);
    }
}
