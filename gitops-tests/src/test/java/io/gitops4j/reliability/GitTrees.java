package io.gitops4j.reliability;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Builds large Git histories and trees fast, straight through JGit's pack inserter (no working tree, no git command
 * per file, no loose object per file), on the branch {@code main} of a bare repository.
 */
final class GitTrees {
    private static final PersonIdent AUTHOR = new PersonIdent("probe", "probe@example.com", 1_700_000_000_000L, 0);

    private GitTrees() {
    }

    /** Files {@code <folder>/cm-<i>.yaml} holding ConfigMaps {@code first .. first+count-1} of namespace folder. */
    static Map<String, String> configMaps(String folder, int first, int count) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = first; i < first + count; i++) {
            files.put(folder + "/cm-" + i + ".yaml", configMap(folder, "cm-" + i, "v" + i));
        }
        return files;
    }

    /** The files plus one non-manifest file of the given size, so that a fetch has a large pack to send. */
    static Map<String, String> withBulk(Map<String, String> files, int bytes) {
        Map<String, String> bulk = new LinkedHashMap<>(files);
        StringBuilder text = new StringBuilder(bytes);
        for (int i = 0; text.length() < bytes; i++) {
            text.append(Integer.toHexString(i * 2_654_435_761L > 0 ? i * 31 + 7 : i)).append(' ');
        }
        bulk.put("docs/bulk.txt", text.toString());
        return bulk;
    }

    /** Appends {@code count} commits to main, each rewriting {@code apps/counter.yaml}. */
    static void commits(Path bareRepository, int count) throws IOException {
        try (Repository repository = FileRepositoryBuilder.create(bareRepository.toFile());
                ObjectInserter inserter = packInserter(repository)) {
            ObjectId parent = repository.resolve(Constants.R_HEADS + "main");
            for (int i = 0; i < count; i++) {
                TreeFormatter apps = new TreeFormatter();
                apps.append("counter.yaml", FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB,
                        configMap("apps", "counter", "n" + i).getBytes(UTF_8)));
                TreeFormatter root = new TreeFormatter();
                root.append("apps", FileMode.TREE, inserter.insert(apps));
                parent = commit(inserter, inserter.insert(root), parent, "commit " + i);
            }
            inserter.flush();
            move(repository, parent);
        }
    }

    /**
     * Commits a tree of {@code files} files to main, in folders of 1,000: every tenth a ConfigMap manifest in
     * {@code apps/}, the rest one shared text blob.
     */
    static void hugeTree(Path bareRepository, int files) throws IOException {
        try (Repository repository = FileRepositoryBuilder.create(bareRepository.toFile());
                ObjectInserter inserter = packInserter(repository)) {
            ObjectId text = inserter.insert(Constants.OBJ_BLOB, "notes\n".getBytes(UTF_8));
            TreeFormatter apps = new TreeFormatter();
            TreeFormatter docs = new TreeFormatter();
            int manifests = files / 10;
            String[] names = new String[manifests];
            for (int i = 0; i < manifests; i++) {
                names[i] = String.format("cm-%07d.yaml", i);
            }
            for (String name : names) {
                apps.append(name, FileMode.REGULAR_FILE, inserter.insert(Constants.OBJ_BLOB,
                        configMap("apps", name.replace(".yaml", ""), name).getBytes(UTF_8)));
            }
            int rest = files - manifests;
            for (int folder = 0; folder * 1000 < rest; folder++) {
                TreeFormatter inner = new TreeFormatter();
                for (int i = folder * 1000; i < Math.min(rest, (folder + 1) * 1000); i++) {
                    inner.append(String.format("note-%07d.txt", i), FileMode.REGULAR_FILE, text);
                }
                docs.append(String.format("d%04d", folder), FileMode.TREE, inserter.insert(inner));
            }
            TreeFormatter root = new TreeFormatter();
            root.append("apps", FileMode.TREE, inserter.insert(apps));
            root.append("docs", FileMode.TREE, inserter.insert(docs));
            ObjectId parent = repository.resolve(Constants.R_HEADS + "main");
            ObjectId head = commit(inserter, inserter.insert(root), parent, files + " files");
            inserter.flush();
            move(repository, head);
        }
    }

    /** An inserter writing one pack instead of a loose file per object (JGit's file storage, internal to JGit). */
    private static ObjectInserter packInserter(Repository repository) {
        PackInserter inserter = ((ObjectDirectory) repository.getObjectDatabase()).newPackInserter();
        inserter.checkExisting(false);
        return inserter;
    }

    private static ObjectId commit(ObjectInserter inserter, ObjectId tree, ObjectId parent, String message)
            throws IOException {
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        if (parent != null) {
            commit.setParentId(parent);
        }
        commit.setAuthor(AUTHOR);
        commit.setCommitter(AUTHOR);
        commit.setMessage(message);
        return inserter.insert(commit);
    }

    private static void move(Repository repository, ObjectId head) throws IOException {
        RefUpdate update = repository.updateRef(Constants.R_HEADS + "main");
        update.setNewObjectId(head);
        update.setForceUpdate(true);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.FORCED
                && result != RefUpdate.Result.NEW) {
            throw new IOException("cannot move main to " + head.name() + ": " + result);
        }
    }

    private static String configMap(String namespace, String name, String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: " + namespace
                + "\ndata:\n  value: " + value + "\n";
    }
}
