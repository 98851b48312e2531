package io.airtix.tenants.staff;

import java.util.List;

/** One page of an airline's staff; {@code page} counts from 0. */
record StaffPage(List<StaffMember> items, int page, int size, long totalItems) {}
