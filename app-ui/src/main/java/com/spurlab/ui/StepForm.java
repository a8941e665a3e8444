package com.spurlab.ui;

import com.spurlab.core.step.StepInfo;
import com.spurlab.core.step.StepParameter;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one step, generated from its parameter record as the step catalog describes it: a
 * field per parameter with its bounds, default and plain-language help. A new step type gets its form
 * without any code here. Values left at their default are not sent, so the step's own defaults apply.
 */
class StepForm extends FormLayout {

    private final Map<String, HasValue<?, ?>> fields = new LinkedHashMap<>();
    private final Map<String, Object> defaults = new LinkedHashMap<>();

    /**
     * @param idPrefix   element ids are {@code idPrefix + parameter name} (browser tests find fields by them)
     * @param attributes the dataset's attribute names, offered for list parameters without fixed choices (groupBy)
     */
    StepForm(StepInfo step, String idPrefix, List<String> attributes) {
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("30em", 2), new ResponsiveStep("50em", 3));
        for (StepParameter p : step.parameters()) {
            var field = field(p, attributes);
            ((com.vaadin.flow.component.Component) field).setId(idPrefix + p.name());
            fields.put(p.name(), field);
            defaults.put(p.name(), ((HasValue<?, ?>) field).getValue());
            add((com.vaadin.flow.component.Component) field);
        }
        if (fields.get("method") instanceof ComboBox<?> method) {
            @SuppressWarnings("unchecked")
            ComboBox<String> methods = (ComboBox<String>) method;
            explainMethods(methods, attributes.isEmpty());
        }
    }

    /**
     * The chosen method in plain words; parameters of other methods hidden; a method that balances groups
     * flagged when the version has no attribute to form them (the step would refuse it when planned).
     */
    private void explainMethods(ComboBox<String> method, boolean noAttributes) {
        method.setItemLabelGenerator(code -> ParameterWords.shortChoice(code)
                + (noAttributes && ParameterWords.GROUP_METHODS.contains(code) ? " (needs an attribute)" : ""));
        Runnable update = () -> {
            String chosen = method.getValue();
            method.setHelperText(chosen == null ? "" : ParameterWords.choice(chosen));
            boolean impossible = noAttributes && ParameterWords.GROUP_METHODS.contains(chosen);
            method.setInvalid(impossible);
            method.setErrorMessage(impossible ? ParameterWords.shortChoice(chosen) + " balances groups, and this "
                    + "dataset version has no attribute to form them: choose ERM or JTT" : null);
            fields.forEach((name, field) -> {
                String only = ParameterWords.methodOf(name);
                if (only != null) {
                    ((com.vaadin.flow.component.Component) field).setVisible(only.equals(chosen));
                }
            });
        };
        method.addValueChangeListener(e -> update.run());
        update.run();
    }

    /** The parameters the lead changed from their defaults, as the API takes them. */
    Map<String, Object> values() {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            Object value = field.getValue();
            if (value == null || value.equals(defaults.get(name)) || value instanceof String s && s.isBlank()) {
                return;
            }
            out.put(name, value instanceof java.util.Set<?> set ? new ArrayList<>(set) : value);
        });
        return out;
    }

    /**
     * Sets a field by parameter name (plan templates, clones), converting the value as the API reads it: a
     * number for number fields, a list or comma string for lists, text for choices. Null clears the field.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void set(String name, Object value) {
        HasValue field = fields.get(name);
        if (field == null) {
            return;
        }
        if (value == null) {
            field.clear();
        } else if (field instanceof IntegerField && value instanceof Number n) {
            field.setValue(n.intValue());
        } else if (field instanceof NumberField && value instanceof Number n) {
            field.setValue(n.doubleValue());
        } else if (field instanceof MultiSelectComboBox) {
            java.util.Collection<?> items = value instanceof java.util.Collection<?> c ? c
                    : List.of(value.toString().split("\\s*,\\s*"));
            field.setValue(new java.util.LinkedHashSet<>(items.stream().map(String::valueOf)
                    .filter(v -> !v.isBlank()).toList()));
        } else if (field instanceof Checkbox) {
            field.setValue(Boolean.valueOf(value.toString()));
        } else if (field instanceof ComboBox || field instanceof TextField) {
            field.setValue(value.toString());
        } else {
            field.setValue(value);
        }
    }

    private static HasValue<?, ?> field(StepParameter p, List<String> attributes) {
        String label = ParameterWords.label(p.name());
        AbstractField<?, ?> field;
        switch (p.kind()) {
            case CHOICE -> {
                ComboBox<String> box = new ComboBox<>(label, p.choices());
                box.setAllowCustomValue(false);
                box.setItemLabelGenerator(ParameterWords::shortChoice);
                box.setValue(p.defaultValue() == null ? null : p.defaultValue().toString());
                box.setHelperText(p.description());
                return box;
            }
            case INTEGER -> {
                IntegerField number = new IntegerField(label);
                if (p.min() != null) {
                    number.setMin(p.min().intValue());
                }
                if (p.max() != null) {
                    number.setMax(p.max().intValue());
                }
                number.setStepButtonsVisible(true);
                number.setValue(p.defaultValue() instanceof Number n ? n.intValue() : null);
                number.setHelperText(help(p));
                return number;
            }
            case NUMBER -> {
                NumberField number = new NumberField(label);
                if (p.min() != null) {
                    number.setMin(p.min());
                }
                if (p.max() != null) {
                    number.setMax(p.max());
                }
                number.setValue(p.defaultValue() instanceof Number n ? n.doubleValue() : null);
                number.setHelperText(help(p));
                return number;
            }
            case BOOLEAN -> {
                Checkbox box = new Checkbox(label, Boolean.TRUE.equals(p.defaultValue()));
                box.setTooltipText(p.description());
                return box;
            }
            case LIST -> {
                MultiSelectComboBox<String> list = new MultiSelectComboBox<>(label);
                list.setItems(p.choices().isEmpty() ? attributes : p.choices());
                if (p.defaultValue() instanceof List<?> chosen) {
                    list.setValue(chosen.stream().map(Object::toString).toList());
                }
                list.setHelperText(p.description());
                if (p.choices().isEmpty() && attributes.isEmpty()) {
                    list.setEnabled(false);
                    list.setHelperText("Not available: this dataset version has no attributes (no attr: columns, "
                            + "no WILDS place), so its groups are its labels");
                }
                return list;
            }
            default -> {
                TextField text = new TextField(label);
                text.setValue(p.defaultValue() == null ? "" : p.defaultValue().toString());
                text.setHelperText(p.description());
                field = text;
            }
        }
        return field;
    }

    private static String help(StepParameter p) {
        String range = p.min() != null && p.max() != null ? " (" + p.allowed().replace("a whole number ", "")
                .replace("a number ", "") + ")" : "";
        return p.description() + range;
    }
}
