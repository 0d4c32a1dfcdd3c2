package org.shequn.profile;

/** 实名认证 (real name) and 职务认证 (position). */
public enum VerificationKind {
    REAL_NAME, POSITION
}
