package com.spurlab.scheduler.queue;

import com.spurlab.core.dataset.DatasetValidation;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Quartz adapter: validates one uploaded dataset version. */
class DatasetValidationQuartzJob implements Job {

    static final String DATASET_VERSION_ID = "datasetVersionId";
    private static final Logger log = LoggerFactory.getLogger(DatasetValidationQuartzJob.class);

    private final DatasetValidation validation;

    DatasetValidationQuartzJob(DatasetValidation validation) {
        this.validation = validation;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        long versionId = context.getMergedJobDataMap().getLong(DATASET_VERSION_ID);
        try {
            validation.validate(versionId);
        } catch (Exception e) {
            log.error("validation of dataset version {} failed", versionId, e);
            validation.failed(versionId, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw new JobExecutionException(e, false);
        }
    }
}
