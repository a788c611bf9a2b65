package com.papertrader.interfaces.rest;

import com.papertrader.domain.agent.Agent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A zip of agent files ({@code <id>.js} at its root), as GET /api/agents/export writes and POST /api/agents/import
 * reads one. Reading is bounded (files, bytes per file), so a hostile archive cannot fill the memory.
 */
final class AgentZip {

    static final int MAX_FILES = 1_000;
    /** An agent file: the longest script and its metadata comment. */
    static final int MAX_FILE_BYTES = Agent.MAX_SCRIPT_LENGTH * 4 + 65_536;

    private AgentZip() {
    }

    static void write(Map<String, String> files, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    /**
     * The archive's files by name; folders and files that are not {@code .js} (a README, say) are left out.
     *
     * @throws IllegalArgumentException when it is not a zip, holds too many or too large files, or a file twice
     */
    static Map<String, String> read(InputStream in) {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            boolean any = false;
            while ((entry = zip.getNextEntry()) != null) {
                any = true;
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (entry.isDirectory() || !name.endsWith(".js")) {
                    continue;
                }
                if (files.size() == MAX_FILES) {
                    throw new IllegalArgumentException("the zip holds more than " + MAX_FILES + " agent files");
                }
                if (files.put(name, text(zip, name)) != null) {
                    throw new IllegalArgumentException("the zip holds " + name + " twice");
                }
            }
            if (!any) {
                throw new IllegalArgumentException("the body is not a zip archive (or an empty one)");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not a readable zip archive: " + e.getMessage(), e);
        }
        return files;
    }

    private static String text(ZipInputStream zip, String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8_192];
        int read;
        while ((read = zip.read(buffer)) > 0) {
            if (bytes.size() + read > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("agent file " + name + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            bytes.write(buffer, 0, read);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
