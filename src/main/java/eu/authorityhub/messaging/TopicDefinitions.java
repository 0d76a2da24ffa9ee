package eu.authorityhub.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The topic definitions of {@code kafka/topics.json}, the one source for the docs and for start-up creation. */
public record TopicDefinitions(List<Topic> topics) {

    public static final String RESOURCE = "kafka/topics.json";

    public record Topic(String name, int partitions, Map<String, String> config) {
    }

    record File(List<Topic> topics, MemberStateTopics memberStateTopics) {
    }

    record MemberStateTopics(String namePattern, int partitions, Map<String, String> config,
            List<String> memberStates) {
    }

    public static TopicDefinitions load() {
        try (InputStream in = TopicDefinitions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            File file = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(in, File.class);
            List<Topic> all = new ArrayList<>(file.topics());
            MemberStateTopics ms = file.memberStateTopics();
            for (String cc : ms.memberStates()) {
                all.add(new Topic(ms.namePattern().replace("{cc}", cc), ms.partitions(), ms.config()));
            }
            return new TopicDefinitions(List.copyOf(all));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
