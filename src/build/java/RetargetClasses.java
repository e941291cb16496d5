import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A build step, run by the pom on the shaded jar (java RetargetClasses.java JAR PREFIX...): the
 * classes under the given prefixes whose class-file version is older than Java 6 (picocli's are
 * version 49, Java 5) are rewritten as Java 8 classes, with the stack map frames the Java 6+
 * verifier needs, computed by ASM. Nothing else in a class changes. The JVM's class-data sharing
 * archive and AOT cache skip classes older than version 50, so without this every start parses and
 * verifies picocli's classes (with the old, slower verifier) instead of mapping them ready-made.
 *
 * <p>Each rewritten class is then loaded and linked by the running JVM from the new jar, so a wrong
 * frame fails the build (VerifyError) rather than a user's run.
 */
public final class RetargetClasses {
    private static final int TARGET = Opcodes.V1_8;
    private static final int OLDEST_KEPT = Opcodes.V1_6;

    private RetargetClasses() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: RetargetClasses JAR PREFIX...");
        }
        Path jar = Path.of(args[0]);
        List<String> prefixes = List.of(args).subList(1, args.length);

        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, ZipEntry> meta = new HashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
                meta.put(entry.getName(), entry);
            }
        }
        Map<String, String> superOf = new HashMap<>();
        entries.forEach((name, bytes) -> {
            if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                ClassReader r = new ClassReader(bytes);
                superOf.put(r.getClassName(), r.getSuperName());
            }
        });

        List<String> rewritten = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey();
            if (!name.endsWith(".class") || prefixes.stream().noneMatch(name::startsWith)) {
                continue;
            }
            byte[] bytes = e.getValue();
            int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
            if (major >= OLDEST_KEPT) {
                continue;
            }
            e.setValue(retarget(bytes, superOf));
            rewritten.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
        }
        if (rewritten.isEmpty()) {
            System.out.println("RetargetClasses: no class older than Java 6 under " + prefixes + " in " + jar);
            return;
        }

        Path tmp = jar.resolveSibling(jar.getFileName() + ".retarget.tmp");
        try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry old = meta.get(e.getKey());
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(old.getTime());
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        verify(tmp, rewritten);
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("RetargetClasses: " + rewritten.size() + " classes under " + prefixes
                + " rewritten as Java 8 classes with stack map frames in " + jar);
    }

    private static byte[] retarget(byte[] bytes, Map<String, String> superOf) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return commonSuperClass(type1, type2, superOf);
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(TARGET, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /**
     * The nearest common superclass of two classes, from the jar's own classes and the JDK's, without
     * loading the jar's (ASM's default loads both through a class loader). An interface counts as
     * Object, as in ASM's default and in the JVM's verifier.
     */
    private static String commonSuperClass(String type1, String type2, Map<String, String> superOf) {
        List<String> ancestors = new ArrayList<>();
        for (String t = type1; t != null; t = superName(t, superOf)) {
            ancestors.add(t);
        }
        for (String t = type2; t != null; t = superName(t, superOf)) {
            if (ancestors.contains(t)) {
                return t;
            }
        }
        return "java/lang/Object";
    }

    private static String superName(String type, Map<String, String> superOf) {
        if (superOf.containsKey(type)) {
            return superOf.get(type);
        }
        try {
            Class<?> c = Class.forName(type.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            if (c.isInterface()) {
                return null;
            }
            Class<?> s = c.getSuperclass();
            return s == null ? null : s.getName().replace('.', '/');
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("RetargetClasses: " + type + " is neither in the jar nor in the JDK", e);
        }
    }

    /** Loads and links (so verifies) every rewritten class from the new jar, in a loader of its own. */
    private static void verify(Path jar, List<String> classes) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : classes) {
                try {
                    Class.forName(name, true, loader);
                } catch (ExceptionInInitializerError e) {
                    // linked and verified; only its static initialiser failed here, which is not ours to judge
                } catch (ClassNotFoundException | LinkageError e) {
                    Files.deleteIfExists(jar);
                    throw new IllegalStateException("RetargetClasses: " + name + " does not load once rewritten: " + e, e);
                }
            }
        }
    }
}
