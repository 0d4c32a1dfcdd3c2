package org.shequn.subgroup;

/** What an automatic split goes by: members of one city together, of one industry together, or mixed on purpose. */
public enum SplitBasis {
    CITY, INDUSTRY, MIXED
}
