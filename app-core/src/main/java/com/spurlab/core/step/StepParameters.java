package com.spurlab.core.step;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.spurlab.core.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads, checks and writes one step type's parameter record. Binding is strict: an unknown name, a
 * fraction for a whole number, a value out of its bounds all give a 400 naming the field and what is
 * allowed. A list parameter also takes one comma-separated string (what forms and older plans send).
 */
final class StepParameters<P extends Record> {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    static {
        // An empty form field means "use the default", like leaving the parameter out.
        MAPPER.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
    }

    private final Class<P> type;
    private final Map<String, RecordComponent> components = new LinkedHashMap<>();
    private final List<StepParameter> described = new ArrayList<>();

    StepParameters(Class<P> type) {
        this.type = type;
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getType().isPrimitive()) {
                throw new IllegalStateException(type.getSimpleName() + "." + c.getName() + " must be a boxed type: a "
                        + "left-out parameter arrives as null and the record's constructor fills its default");
            }
            components.put(c.getName(), c);
        }
        P defaults = defaults();
        for (RecordComponent c : components.values()) {
            described.add(describe(c, value(c, defaults)));
        }
    }

    List<StepParameter> described() {
        return described;
    }

    /** Binds and checks parameters a caller sent; {@code where} names the step in messages. */
    P bind(Map<String, Object> raw, Validator validator, String where) {
        Map<String, Object> in = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            RecordComponent c = components.get(name);
            in.put(name, c != null && List.class.isAssignableFrom(c.getType()) && value instanceof String s
                    ? Arrays.stream(s.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList() : value);
        });
        P params;
        try {
            params = MAPPER.convertValue(in, type);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getCause() == null ? e : e.getCause(), raw, where);
        }
        for (ConstraintViolation<P> violation : validator.validate(params)) {
            String name = violation.getPropertyPath().toString();
            StepParameter p = parameter(name);
            String allowed = p == null ? violation.getMessage()
                    : p.kind() == StepParameter.Kind.TEXT && p.pattern() != null ? violation.getMessage()
                    : "must be " + p.allowed();
            throw new InvalidRequestException("invalid_param", where + ": " + name + " " + allowed + ", got '"
                    + violation.getInvalidValue() + "'");
        }
        return params;
    }

    /** Reads parameters this catalog wrote (a queued job's). */
    P read(String json) {
        try {
            return MAPPER.readValue(json, type);
        } catch (Exception e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " are unreadable: " + e.getMessage(), e);
        }
    }

    String write(Record params) {
        try {
            return MAPPER.writeValueAsString(params);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise " + params, e);
        }
    }

    /** The record as a name → value map (for views and forms). */
    Map<String, Object> asMap(Record params) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : components.values()) {
            out.put(c.getName(), value(c, params));
        }
        return out;
    }

    private StepParameter parameter(String name) {
        return described.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    private InvalidRequestException invalid(Throwable cause, Map<String, Object> raw, String where) {
        if (cause instanceof UnrecognizedPropertyException e) {
            return new InvalidRequestException("invalid_param", where + ": unknown parameter '" + e.getPropertyName()
                    + "'; allowed: " + new TreeSet<>(components.keySet()));
        }
        if (cause instanceof ValueInstantiationException e && e.getCause() instanceof IllegalArgumentException iae) {
            return new InvalidRequestException("invalid_param", where + ": " + iae.getMessage());
        }
        if (cause instanceof MismatchedInputException e && !e.getPath().isEmpty()) {
            String name = e.getPath().get(0).getFieldName();
            StepParameter p = parameter(name);
            Object got = cause instanceof InvalidFormatException f ? f.getValue() : raw.get(name);
            if (p != null) {
                return new InvalidRequestException("invalid_param", where + ": " + name + " must be " + p.allowed()
                        + ", got '" + got + "'");
            }
        }
        return new InvalidRequestException("invalid_param", where + ": parameters are malformed: "
                + cause.getMessage().lines().findFirst().orElse(""));
    }

    private P defaults() {
        try {
            Constructor<P> canonical = type.getDeclaredConstructor(
                    Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(new Object[components.size()]);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(type.getSimpleName() + " must accept all-null components (its defaults)",
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the defaults of " + type.getSimpleName(), e);
        }
    }

    private static Object value(RecordComponent c, Record of) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(of);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    private static StepParameter describe(RecordComponent c, Object defaultValue) {
        Class<?> t = c.getType();
        StepParameter.Kind kind;
        List<String> choices = List.of();
        if (t.isEnum()) {
            kind = StepParameter.Kind.CHOICE;
            choices = Arrays.stream(t.getEnumConstants()).map(v -> ((Enum<?>) v).name()).toList();
        } else if (t == Integer.class || t == Long.class || t == Short.class) {
            kind = StepParameter.Kind.INTEGER;
        } else if (Number.class.isAssignableFrom(t)) {
            kind = StepParameter.Kind.NUMBER;
        } else if (t == Boolean.class) {
            kind = StepParameter.Kind.BOOLEAN;
        } else if (Collection.class.isAssignableFrom(t)) {
            kind = StepParameter.Kind.LIST;
            if (c.getGenericType() instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> e
                    && e.isEnum()) {
                choices = Arrays.stream(e.getEnumConstants()).map(v -> ((Enum<?>) v).name()).toList();
            }
        } else {
            kind = StepParameter.Kind.TEXT;
        }
        Double min = null;
        Double max = null;
        Min minA = annotation(c, Min.class);
        Max maxA = annotation(c, Max.class);
        DecimalMin dMin = annotation(c, DecimalMin.class);
        DecimalMax dMax = annotation(c, DecimalMax.class);
        if (minA != null) {
            min = (double) minA.value();
        } else if (dMin != null) {
            min = Double.parseDouble(dMin.value());
        }
        if (maxA != null) {
            max = (double) maxA.value();
        } else if (dMax != null) {
            max = Double.parseDouble(dMax.value());
        }
        Pattern pattern = annotation(c, Pattern.class);
        Described described = annotation(c, Described.class);
        Object shownDefault = defaultValue instanceof Enum<?> e ? e.name()
                : defaultValue instanceof Collection<?> list ? List.copyOf(list) : defaultValue;
        return new StepParameter(c.getName(), kind, choices, min, max, shownDefault,
                described == null ? "" : described.value(), pattern == null ? null : pattern.regexp());
    }

    /** Constraint annotations sit on the record's field (they propagate from the component), @Described on the component. */
    private static <A extends java.lang.annotation.Annotation> A annotation(RecordComponent c, Class<A> type) {
        A onComponent = c.getAnnotation(type);
        if (onComponent != null) {
            return onComponent;
        }
        try {
            return c.getDeclaringRecord().getDeclaredField(c.getName()).getAnnotation(type);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }
}
