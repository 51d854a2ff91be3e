package io.gitops4j.git;

import io.gitops4j.SourceException;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** The files that differ between two commits under a folder, compared tree to tree (no rename detection). */
final class TreeChanges {
    private TreeChanges() {
    }

    static Set<String> between(Repository repository, ObjectId from, ObjectId to, String folder, String where) {
        Set<String> changed = new TreeSet<>();
        try (RevWalk revWalk = new RevWalk(repository); TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(revWalk.parseCommit(from).getTree());
            walk.addTree(revWalk.parseCommit(to).getTree());
            walk.setRecursive(true);
            walk.setFilter(folder.isEmpty() ? TreeFilter.ANY_DIFF
                    : AndTreeFilter.create(PathFilter.create(folder), TreeFilter.ANY_DIFF));
            String prefix = folder.isEmpty() ? "" : folder + "/";
            while (walk.next()) {
                String path = walk.getPathString();
                changed.add(path.startsWith(prefix) ? path.substring(prefix.length()) : path);
            }
            return changed;
        } catch (IOException e) {
            throw new SourceException("cannot compare " + from.name() + " and " + to.name() + " of " + where + ": "
                    + e.getMessage(), e);
        }
    }
}
