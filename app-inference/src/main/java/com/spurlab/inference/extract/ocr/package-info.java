/** Printed text in images: PP-OCRv4 detection and recognition through DJL's ONNX Runtime engine, cached per image content. */
package com.spurlab.inference.extract.ocr;
