package cn.labordispute.demo;

import cn.labordispute.security.Roles;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The demo staff: every role of the 渝中 centre, a mediator in 吉首, a city supervisor, a policy editor. */
@Component
class DemoUsers {

    static final String PASSWORD = "demo";

    record DemoUser(String id, String name, String title, List<String> groups) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("wangfang", "王芳", "调解员", List.of(Roles.MEDIATOR.groupFor("yuzhong"))),
            new DemoUser("zhanglei", "张磊", "调解员", List.of(Roles.MEDIATOR.groupFor("yuzhong"))),
            new DemoUser("lixiaoyun", "李晓云", "调解员", List.of(Roles.MEDIATOR.groupFor("jishou"))),
            new DemoUser("zhaomin", "赵敏", "仲裁员", List.of(Roles.ARBITRATOR.groupFor("yuzhong"))),
            new DemoUser("chenjing", "陈静", "法律援助", List.of(Roles.LEGAL_AID.groupFor("yuzhong"))),
            new DemoUser("sunhao", "孙浩", "诉调对接", List.of(Roles.COURT_LIAISON.groupFor("yuzhong"))),
            new DemoUser("zhouqiang", "周强", "工会", List.of(Roles.UNION.groupFor("yuzhong"))),
            new DemoUser("liuyang", "刘洋", "主管", List.of(Roles.SUPERVISOR.groupFor("yuzhong"))),
            new DemoUser("tianjing", "田静", "主管", List.of(Roles.SUPERVISOR.groupFor("jishou"))),
            new DemoUser("hemei", "何梅", "市级主管", List.of(Roles.CITY_SUPERVISORS)),
            new DemoUser("huangli", "黄丽", "政策人员", List.of(Roles.POLICY_EDITORS)));

    private final IdentityService identity;

    DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    /** The administrator is {@link cn.labordispute.security.AdminAccount}'s, demo or not. */
    void create() {
        for (DemoUser u : USERS) {
            ensureUser(u.id(), u.name(), u.title(), PASSWORD);
            u.groups().forEach(g -> ensureMembership(u.id(), g));
        }
    }

    /** Camunda shows "first last": the full Chinese name first, the role after it. */
    private void ensureUser(String id, String firstName, String lastName, String password) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@example.cn");
            user.setPassword(password);
            identity.saveUser(user);
        }
    }

    private void ensureMembership(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }
}
