/**
 * The pilot report as files: a PDF for people (OpenPDF) and a CSV of every figure for spreadsheets, served by the
 * report endpoint and the dashboard's download links alike.
 */
package com.spurlab.report;
