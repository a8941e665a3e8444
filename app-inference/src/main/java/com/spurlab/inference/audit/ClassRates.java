package com.spurlab.inference.audit;

/**
 * One class's one-vs-rest rates among the samples of one attribute value: the class is "positive",
 * every other class "negative".
 *
 * @param label   the class
 * @param context the attribute values, e.g. {@code "warm"}
 * @param tpr     predicted {@code label} among samples of {@code label} in this context
 * @param fpr     predicted {@code label} among samples of other classes in this context
 */
public record ClassRates(String label, String context, Proportion tpr, Proportion fpr) {
}
