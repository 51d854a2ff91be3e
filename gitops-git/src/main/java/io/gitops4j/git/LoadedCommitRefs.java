package io.gitops4j.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the commits a clone has loaded reachable, so garbage collection never drops a commit a rollback may ask
 * for, even once its branch was force-pushed away: one ref {@code refs/gitops4j/loaded/<sha>} per loaded commit,
 * for the {@code limit} most recently loaded commits (the least recently loaded ref is deleted when one more is
 * needed). After a restart the refs found in the clone are ordered by commit time. A ref that cannot be written is
 * logged, never thrown: the load itself succeeded. Thread-safe.
 */
final class LoadedCommitRefs {
    /** The refs' namespace; fetches never touch it (they update only {@code refs/heads} and {@code refs/tags}). */
    static final String PREFIX = "refs/gitops4j/loaded/";

    private static final Logger LOG = LoggerFactory.getLogger(LoadedCommitRefs.class);

    private final int limit;
    private LinkedHashSet<String> kept;

    LoadedCommitRefs(int limit) {
        this.limit = limit;
    }

    /** Keeps commit {@code id} of {@code repository} (of {@code url}) reachable; the oldest beyond the limit go. */
    synchronized void keep(Repository repository, ObjectId id, String url) {
        try {
            LinkedHashSet<String> shas = kept(repository);
            String sha = id.name();
            if (shas.remove(sha)) {
                shas.add(sha);
                return;
            }
            RefUpdate update = repository.updateRef(PREFIX + sha);
            update.setNewObjectId(id);
            update.setForceUpdate(true);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED
                    && result != RefUpdate.Result.NO_CHANGE) {
                throw new IOException("updating " + PREFIX + sha + " returned " + result);
            }
            shas.add(sha);
            Iterator<String> oldest = shas.iterator();
            while (shas.size() > limit) {
                delete(repository, oldest.next());
                oldest.remove();
            }
        } catch (IOException e) {
            LOG.warn("Could not keep loaded commit {} of {} in its cached clone: {}; a rollback to it after the clone"
                    + " is compacted works only while a branch or tag still reaches it", id.name(), url,
                    e.getMessage());
        }
    }

    private LinkedHashSet<String> kept(Repository repository) throws IOException {
        if (kept == null) {
            List<Ref> refs = new ArrayList<>(repository.getRefDatabase().getRefsByPrefix(PREFIX));
            Map<String, Integer> times = commitTimes(repository, refs);
            refs.sort(Comparator.comparing((Ref ref) -> times.get(ref.getName())).thenComparing(Ref::getName));
            kept = new LinkedHashSet<>();
            refs.forEach(ref -> kept.add(ref.getName().substring(PREFIX.length())));
        }
        return kept;
    }

    private static Map<String, Integer> commitTimes(Repository repository, List<Ref> refs) throws IOException {
        Map<String, Integer> times = new HashMap<>();
        try (RevWalk walk = new RevWalk(repository)) {
            for (Ref ref : refs) {
                int time;
                try {
                    time = walk.parseCommit(ref.getObjectId()).getCommitTime();
                } catch (MissingObjectException e) {
                    time = Integer.MIN_VALUE;
                }
                times.put(ref.getName(), time);
            }
        }
        return times;
    }

    private static void delete(Repository repository, String sha) throws IOException {
        RefUpdate delete = repository.updateRef(PREFIX + sha);
        delete.setForceUpdate(true);
        RefUpdate.Result result = delete.delete();
        if (result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE
                && result != RefUpdate.Result.NEW) {
            throw new IOException("deleting " + PREFIX + sha + " returned " + result);
        }
    }
}
