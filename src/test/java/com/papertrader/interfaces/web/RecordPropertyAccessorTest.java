package com.papertrader.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.util.Map;
import ognl.AbstractMemberAccess;
import ognl.NoSuchPropertyException;
import ognl.Ognl;
import ognl.OgnlException;
import ognl.OgnlRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecordPropertyAccessorTest {

    /** Not public, as a view's row record is not. */
    private record Row(String ticker, int shares) {
        String label() {
            return ticker + " x" + shares;
        }
    }

    public record Outer(Row row) {
        public String getDisplay() {
            return "[" + row.ticker + "]";
        }
    }

    /** As Thymeleaf's: public members only. */
    private static final AbstractMemberAccess PUBLIC_ONLY = new AbstractMemberAccess() {
        @Override
        @SuppressWarnings("rawtypes")
        public boolean isAccessible(Map context, Object target, Member member, String propertyName) {
            return Modifier.isPublic(member.getModifiers());
        }
    };

    @BeforeAll
    static void register() {
        OgnlRuntime.setPropertyAccessor(Record.class, new RecordPropertyAccessor());
    }

    private static Object read(String expression, Object root) throws OgnlException {
        Map<?, ?> context = Ognl.createDefaultContext(root, PUBLIC_ONLY);
        return Ognl.getValue(expression, context, root);
    }

    @Test
    void readsComponentsOfNestedAndNonPublicRecords() throws OgnlException {
        Outer outer = new Outer(new Row("AAPL", 30));
        assertEquals("AAPL", read("row.ticker", outer));
        assertEquals(30, read("row.shares", outer));
    }

    @Test
    void leavesGettersToOgnl() throws OgnlException {
        assertEquals("[AAPL]", read("display", new Outer(new Row("AAPL", 30))));
    }

    @Test
    void aNameThatIsNeitherComponentNorGetterIsStillUnknown() {
        assertThrows(NoSuchPropertyException.class, () -> read("label", new Row("AAPL", 30)));
    }
}
