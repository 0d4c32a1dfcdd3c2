/**
 * Polls (投票) and elections of core members (选举骨干). A poll: single or multiple choice, a deadline, results
 * shown always, after voting or after closing, named or anonymous. An election: the owner opens it for k seats
 * with a nomination period and a voting period; the roll of who may vote and stand is fixed when voting opens;
 * approval ballots are counted with sequential Phragmén ({@link org.shequn.voting.PhragmenCount}); the ballot and
 * the record that someone voted are stored apart with no link, and each voter gets a receipt code; the winners
 * become core members for a term (through membership's {@link org.shequn.membership.CoreTerms}), and when it ends
 * the owner is reminded to hold the next. Votes are announced ({@link org.shequn.voting.PollVoted} for named polls,
 * {@link org.shequn.voting.ElectionVoted}), never what a ballot says. The {@code web} sub-package holds its HTTP
 * endpoints and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Voting",
        allowedDependencies = {"community", "identity", "membership", "profile", "shared"})
package org.shequn.voting;
