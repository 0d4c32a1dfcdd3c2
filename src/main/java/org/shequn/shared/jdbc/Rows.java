package org.shequn.shared.jdbc;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.shequn.shared.jdbc.Rows;
import org.springframework.beans.BeanUtils;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.util.ClassUtils;

/**
 * Maps a row to a record by its components' names in snake case ({@code createdAt} ← {@code created_at}).
 *
 * <p>Why not {@code JdbcClient.query(Rows.of(PostRow.class))}: Spring's {@code SimplePropertyRowMapper} (and
 * {@code DataClassRowMapper}) look each component up under its camel-case name first and catch the driver's
 * "column not found" exception before trying snake case. On PostgreSQL that is one exception, with its stack
 * trace, per component per row: profiling the feed showed most of a request's CPU time spent there. Here the
 * snake-case name is tried first; the plain name (an alias written {@code as commentCount}, which the
 * database folds to lower case) is the fallback.
 */
public final class Rows<T extends Record> implements RowMapper<T> {

    private static final ClassValue<Rows<?>> MAPPERS = new ClassValue<>() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected Rows<?> computeValue(Class<?> type) {
            return new Rows(type.asSubclass(Record.class));
        }
    };

    private static final ConversionService CONVERSIONS = DefaultConversionService.getSharedInstance();

    private final Constructor<T> constructor;
    private final String[] columns;
    private final String[] names;
    private final TypeDescriptor[] types;
    private final Class<?>[] boxed;

    private Rows(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        var parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            constructor = type.getDeclaredConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record without its canonical constructor: " + type, e);
        }
        constructor.setAccessible(true);
        columns = new String[components.length];
        names = new String[components.length];
        types = new TypeDescriptor[components.length];
        boxed = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            names[i] = components[i].getName();
            columns[i] = JdbcUtils.convertPropertyNameToUnderscoreName(names[i]);
            types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
            boxed[i] = ClassUtils.resolvePrimitiveIfNecessary(parameterTypes[i]);
        }
    }

    /** The mapper for {@code type}, made once per record class. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> Rows<R> of(Class<R> type) {
        return (Rows<R>) MAPPERS.get(type);
    }

    @Override
    public T mapRow(ResultSet rs, int rowNum) throws SQLException {
        var args = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            int index = column(rs, i);
            var value = JdbcUtils.getResultSetValue(rs, index, types[i].getType());
            // most values come from the driver as the component's type already; asking the conversion service
            // about each of them was about a third of the row mapping on a feed page (2-3% of its JVM time)
            args[i] = value == null || boxed[i].isInstance(value) ? value : CONVERSIONS.convert(value, types[i]);
        }
        return BeanUtils.instantiateClass(constructor, args);
    }

    private int column(ResultSet rs, int i) throws SQLException {
        try {
            return rs.findColumn(columns[i]);
        } catch (SQLException notSnakeCase) {
            return rs.findColumn(names[i]);
        }
    }
}
