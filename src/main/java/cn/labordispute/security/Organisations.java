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

    public Optional<Organisation> find(String code) {
        return jdbc.sql("SELECT code, name, case_prefix, district, region FROM dc_organisation WHERE code = ?")
                .param(code).query(Organisation.class).optional();
    }
}
