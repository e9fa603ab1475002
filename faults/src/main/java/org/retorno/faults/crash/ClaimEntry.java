package org.retorno.faults.crash;

/**
 * One record on {@code claims} as the ledger counts it: which claim, stated or retracted. The rest
 * of a claim follows from its source row; what a crash can change is how often each is sent.
 */
public record ClaimEntry(String claimId, boolean retracted) implements Comparable<ClaimEntry> {

  @Override
  public int compareTo(ClaimEntry other) {
    int byId = claimId.compareTo(other.claimId);
    return byId != 0 ? byId : Boolean.compare(retracted, other.retracted);
  }

  @Override
  public String toString() {
    return (retracted ? "retracted " : "") + claimId;
  }
}
