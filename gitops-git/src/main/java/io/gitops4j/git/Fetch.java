package io.gitops4j.git;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;

/**
 * One fetch of some refspecs from a URL into a clone, without tags beyond the refspecs, optionally shallow and
 * removing deleted refs. Over {@code git://} it runs on a {@link GitDaemonTransport}, so the network timeout holds
 * there too; over every other transport it is JGit's {@link FetchCommand}. Immutable.
 */
record Fetch(String url, List<String> refSpecs, boolean removeDeletedRefs, boolean shallow) {
    Fetch {
        refSpecs = List.copyOf(refSpecs);
    }

    /** Runs the fetch with the source's transport settings. */
    void call(Repository repository, TransportSettings transport) throws GitAPIException, TransportException {
        if (GitDaemonTransport.handles(url)) {
            overGitDaemon(repository, transport);
            return;
        }
        FetchCommand fetch = Git.wrap(repository).fetch().setRemote(url).setRefSpecs(refSpecs.toArray(String[]::new))
                .setRemoveDeletedRefs(removeDeletedRefs).setTagOpt(TagOpt.NO_TAGS).setForceUpdate(true);
        if (shallow) {
            fetch.setDepth(1);
        }
        transport.apply(fetch).call();
    }

    private void overGitDaemon(Repository repository, TransportSettings settings) throws TransportException {
        URIish uri;
        try {
            uri = new URIish(url);
        } catch (URISyntaxException e) {
            throw new TransportException("invalid URL " + url + ": " + e.getMessage(), e);
        }
        List<RefSpec> specs = new ArrayList<>();
        for (String spec : refSpecs) {
            specs.add(new RefSpec(spec).setForceUpdate(true));
        }
        try (Transport transport = new GitDaemonTransport(repository, uri)) {
            transport.setRemoveDeletedRefs(removeDeletedRefs);
            transport.setTagOpt(TagOpt.NO_TAGS);
            transport.setTimeout(settings.timeoutSeconds());
            if (shallow) {
                transport.setDepth(1);
            }
            transport.fetch(NullProgressMonitor.INSTANCE, specs);
        } catch (NotSupportedException e) {
            throw new TransportException(uri, e.getMessage(), e);
        }
    }
}
