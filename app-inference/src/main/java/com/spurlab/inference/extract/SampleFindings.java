package com.spurlab.inference.extract;

import com.spurlab.inference.extract.ocr.PrintedWord;
import java.util.List;

/**
 * What EXTRACT learned about one sample of the split, for EDIT (text boxes become masks) and for
 * inferred attributes.
 *
 * @param sampleId        the sample
 * @param printedWords    words OCR read in the image with their boxes; empty when none or when TEXT was not used
 * @param slice           the error slice the sample belongs to, or -1
 * @param gradientOutside share of input-gradient mass outside the foreground mask, NaN when not measured
 * @param areaOutside     share of the image outside the mask, NaN when not measured
 */
public record SampleFindings(String sampleId, List<PrintedWord> printedWords, int slice, double gradientOutside,
        double areaOutside) {

    public SampleFindings {
        printedWords = List.copyOf(printedWords);
    }
}
