package cn.labordispute.security;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisations table. */
@Repository
public class Organisations {

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Organisation> all() {
        return jdbc.sql("SELECT code, name, case_prefix, district, region FROM dc_organisation ORDER BY code")
                .query(Organisation.class).list();
    }

    /**
     * The organisation for the place an address names: its district written out (渝中区) or without 区, 市 or 县 (渝中),
     * the first in the address if it names several; empty if it names none.
     */
    public Optional<Organisation> forAddress(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String text = address.replaceAll("\\s", "");
        Organisation best = null;
        int at = Integer.MAX_VALUE;
        for (Organisation o : all()) {
            int i = placeIn(text, o.district());
            if (i >= 0 && i < at) {
                best = o;
                at = i;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int placeIn(String text, String district) {
        if (district == null || district.isBlank()) {
            return -1;
        }
        int i = text.indexOf(district);
        String shortName = district.replaceAll("[区市县]$", "");
        return i >= 0 || shortName.length() < 2 ? i : text.indexOf(shortName);
    }

    public Optional<Organisation> find(String code) {
        return jdbc.sql("SELECT code, name, case_prefix, district, region FROM dc_organisation WHERE code = ?")
                .param(code).query(Organisation.class).optional();
    }
}
