package io.clientworkspace.jpa;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;

/**
 * A {@link DataSource} over another that records every query run through a {@link PreparedStatement}:
 * its SQL exactly as the driver got it, and the parameter setter calls in the order they were made, so
 * that a test can run the very same statement again (under {@code EXPLAIN}, say) with
 * {@link Query#bind(PreparedStatement)}.
 */
final class RecordingDataSource implements DataSource {

    /** One parameter setter call, e.g. {@code setString(2, "bob")}. */
    record Binding(Method setter, Object[] args) {
    }

    /** One query as the driver received it. */
    record Query(String sql, List<Binding> bindings) {

        /** Makes the same setter calls on {@code statement}, which must have the same parameters. */
        void bind(PreparedStatement statement) throws SQLException {
            for (Binding b : bindings) {
                try {
                    b.setter().invoke(statement, b.args());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof SQLException sql) {
                        throw sql;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
    }

    private final DataSource target;
    private final List<Query> queries = Collections.synchronizedList(new ArrayList<>());

    RecordingDataSource(DataSource target) {
        this.target = target;
    }

    /** The queries run so far, oldest first. */
    List<Query> queries() {
        synchronized (queries) {
            return List.copyOf(queries);
        }
    }

    void clear() {
        queries.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return recording(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return recording(target.getConnection(username, password));
    }

    private Connection recording(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(connection, method, args);
            if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement ps) {
                return recording(ps, (String) args[0]);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                handler);
    }

    private PreparedStatement recording(PreparedStatement statement, String sql) {
        List<Binding> bindings = new ArrayList<>();
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                bindings.add(new Binding(method, args.clone()));
            } else if (method.getName().equals("clearParameters")) {
                bindings.clear();
            } else if (method.getName().equals("executeQuery") && (args == null || args.length == 0)) {
                queries.add(new Query(sql, List.copyOf(bindings)));
            }
            return invoke(statement, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{PreparedStatement.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "RecordingDataSource over " + target;
    }
}
