package io.gitops4j.source;

import io.gitops4j.model.DesiredState;
import io.gitops4j.model.Resource;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What the last successful load of a {@link DirectorySource} read and the state it gave: the manifest files byte for
 * byte (a plain folder), or the very output list of the render pipeline (a rendered folder, whose cache hands back
 * the same output while nothing its renderer read changed). Immutable once made; the source keeps it in one
 * volatile field, so a load sees the files and their state together or not at all.
 *
 * @param files relative path to content, of a plain load; {@code null} after a rendered one
 * @param rendered the pipeline's output, of a rendered load; {@code null} after a plain one
 * @param state the state the load returned
 */
record LastLoad(SortedMap<String, byte[]> files, List<Resource> rendered, DesiredState state) {

    /** The files of a plain load (not copied: the source hands over a map it no longer writes). */
    static LastLoad plain(SortedMap<String, byte[]> files, DesiredState state) {
        return new LastLoad(files, null, state);
    }

    /** The output of a rendered load. */
    static LastLoad rendered(List<Resource> resources, DesiredState state) {
        return new LastLoad(null, resources, state);
    }

    /**
     * Tells whether a plain load read exactly these files: the same paths, each byte for byte the same.
     *
     * @param other the files just read, sorted by path
     * @return {@code true} when the state of this load is the state of those files
     */
    boolean sameFiles(SortedMap<String, byte[]> other) {
        if (files == null || files.size() != other.size()) {
            return false;
        }
        Iterator<Map.Entry<String, byte[]>> before = files.entrySet().iterator();
        for (Map.Entry<String, byte[]> now : other.entrySet()) {
            Map.Entry<String, byte[]> then = before.next();
            if (!then.getKey().equals(now.getKey()) || !Arrays.equals(then.getValue(), now.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tells whether a rendered load got the very output of this one from the same renderer.
     *
     * @param output the pipeline's output list
     * @param renderer the renderer's name
     * @return {@code true} when it is the same list instance and renderer
     */
    boolean sameRender(List<Resource> output, String renderer) {
        return rendered == output && state.renderedBy().equals(renderer);
    }
}
