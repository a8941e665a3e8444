package com.spurlab.inference.extract.ocr;

import com.spurlab.inference.data.PixelBox;

/** A line of text that detection found: its box in the source image's pixels (clamped to it) and mean probability. */
record TextLine(PixelBox box, float score) {
}
