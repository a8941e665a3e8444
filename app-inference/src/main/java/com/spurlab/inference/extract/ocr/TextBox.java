package com.spurlab.inference.extract.ocr;

/** An axis-aligned region where detection found text, in the source image's pixels, clamped to it. */
record TextBox(int x, int y, int width, int height, float score) {
}
