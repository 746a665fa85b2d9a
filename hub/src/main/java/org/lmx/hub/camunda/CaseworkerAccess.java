package org.lmx.hub.camunda;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The caseworker groups and what they may do, made the same on every start (adding what is missing, never
 * removing what an administrator added): each group may open Tasklist and see the instances, tasks and history
 * of its own processes only; it works on a task only where BPMN makes it a candidate group (the engine then grants
 * the group READ and TASK_WORK on that task, see {@code default-user-permission-name-for-task}). Group
 * {@code camunda-admin} may do everything, as Camunda's own first-user setup would have it. Two Tasklist filters
 * show a caseworker the tasks of their groups and their own.
 */
public final class CaseworkerAccess {

    static final String GROUP_TASKS = "Tasks of my groups";
    static final String MY_TASKS = "My tasks";

    private static final List<Permission> CASE_PERMISSIONS = List.of(ProcessDefinitionPermissions.READ,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.READ_HISTORY);

    private CaseworkerAccess() {
    }

    public static void apply(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        group(identity, Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        for (Resources resource : Resources.values()) {
            grant(authorizations, Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, List.of(Permissions.ALL));
        }
        for (CaseworkerGroup caseworkers : CaseworkerGroup.ALL) {
            group(identity, caseworkers.id(), caseworkers.name(), Groups.GROUP_TYPE_WORKFLOW);
            grant(authorizations, caseworkers.id(), Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS));
            for (String process : caseworkers.processes()) {
                grant(authorizations, caseworkers.id(), Resources.PROCESS_DEFINITION, process, CASE_PERMISSIONS);
            }
        }
        FilterService filters = engine.getFilterService();
        filter(authorizations, filters, GROUP_TASKS, -10,
                engine.getTaskService().createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks());
        filter(authorizations, filters, MY_TASKS, -5,
                engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    }

    private static void group(IdentityService identity, String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    /** Grants {@code permissions} to {@code group}, adding to what it already has on that resource. */
    private static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
                              List<? extends Permission> permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }

    /** A task filter every caseworker group may read, created once (found again by its name). */
    private static void filter(AuthorizationService authorizations, FilterService filters, String name, int priority,
                               TaskQuery query) {
        Filter filter = filters.createTaskFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name).setQuery(query)
                    .setProperties(new HashMap<>(Map.of("priority", priority, "refresh", true,
                            "description", "created by the hub for every caseworker group")));
            filters.saveFilter(filter);
        }
        for (CaseworkerGroup caseworkers : CaseworkerGroup.ALL) {
            grant(authorizations, caseworkers.id(), Resources.FILTER, filter.getId(), List.of(Permissions.READ));
        }
    }
}
