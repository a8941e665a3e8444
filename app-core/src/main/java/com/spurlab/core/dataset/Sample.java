package com.spurlab.core.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** One image of a dataset version; written once by validation (in bulk), read by jobs. */
@Entity
@Immutable
@Table(name = "sample")
class Sample {

    @Id
    private Long id;

    @Column(name = "dataset_version_id")
    private long datasetVersionId;

    private String path;

    @Column(name = "image_hash")
    private String imageHash;

    @Column(name = "mask_hash")
    private String maskHash;

    private String label;

    private String split;

    private String caption;

    private String attributes;

    private int width;

    private int height;

    /** For a derived version's sample: the sample it was shared from or made from. */
    @Column(name = "origin_sample_id")
    private Long originSampleId;

    /** For a sample a step made: how (operation, sources, seed), as JSON. */
    private String provenance;

    protected Sample() {
    }

    Long getId() {
        return id;
    }

    String getPath() {
        return path;
    }

    String getImageHash() {
        return imageHash;
    }

    public Long getOriginSampleId() {
        return originSampleId;
    }

    public String getProvenance() {
        return provenance;
    }

    String getMaskHash() {
        return maskHash;
    }

    String getLabel() {
        return label;
    }

    String getSplit() {
        return split;
    }

    String getCaption() {
        return caption;
    }

    String getAttributes() {
        return attributes;
    }
}
