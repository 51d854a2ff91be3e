package io.gitops4j.git;

import io.gitops4j.SourceException;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** Resolves a {@link GitRef} to a commit of the local clone (after a fetch); annotated tags are peeled. */
final class RefResolver {
    private RefResolver() {
    }

    /** Returns the commit {@code ref} names, or throws {@link SourceException} saying what is missing. */
    static RevCommit resolve(Repository repository, RevWalk walk, GitRef ref, String where) {
        try {
            ObjectId id = objectId(repository, ref, where);
            return walk.parseCommit(id);
        } catch (MissingObjectException e) {
            throw new SourceException(ref.describe() + " of " + where + " names object " + e.getObjectId().name()
                    + ", which the clone does not hold; the server may not allow fetching it", e);
        } catch (IncorrectObjectTypeException e) {
            throw new SourceException(ref.describe() + " of " + where + " does not point at a commit", e);
        } catch (IOException e) {
            throw new SourceException("cannot resolve " + ref.describe() + " of " + where + ": " + e.getMessage(), e);
        }
    }

    private static ObjectId objectId(Repository repository, GitRef ref, String where) throws IOException {
        if (ref instanceof GitRef.Branch branch) {
            return exact(repository, Constants.R_HEADS + branch.name(), ref, where);
        }
        if (ref instanceof GitRef.Tag tag) {
            return exact(repository, Constants.R_TAGS + tag.name(), ref, where);
        }
        if (ref instanceof GitRef.Commit commit) {
            return ObjectId.fromString(commit.sha());
        }
        GitRef.SemverRange range = (GitRef.SemverRange) ref;
        List<String> tags = repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS).stream()
                .map(r -> r.getName().substring(Constants.R_TAGS.length()))
                .collect(Collectors.toList());
        String tag = SemverTags.highest(tags, range.range(), range.includePrereleases())
                .orElseThrow(() -> new SourceException("no tag of " + where + " matches " + ref.describe()
                        + " (" + tags.size() + " tags seen); push a matching tag or widen the range"));
        return exact(repository, Constants.R_TAGS + tag, ref, where);
    }

    private static ObjectId exact(Repository repository, String name, GitRef ref, String where) throws IOException {
        Ref found = repository.exactRef(name);
        if (found == null || found.getObjectId() == null) {
            throw new SourceException(ref.describe() + " does not exist in " + where
                    + "; check the name or push it");
        }
        return found.getObjectId();
    }

    /** Returns the tag a semver range selects right now, for logs; empty for other refs. */
    static String selectedTag(Repository repository, GitRef ref) {
        if (!(ref instanceof GitRef.SemverRange range)) {
            return "";
        }
        try {
            List<String> tags = repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS).stream()
                    .map(r -> r.getName().substring(Constants.R_TAGS.length())).collect(Collectors.toList());
            return SemverTags.highest(tags, range.range(), range.includePrereleases()).orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
