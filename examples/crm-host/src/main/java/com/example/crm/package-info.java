/**
 * The CRM host example. Nothing in it is null unless marked {@code @Nullable}.
 */
@NullMarked
package com.example.crm;

import org.jspecify.annotations.NullMarked;
