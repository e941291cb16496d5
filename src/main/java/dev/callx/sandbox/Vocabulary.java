package dev.callx.sandbox;

import java.util.List;

/** Fixed word lists the synthetic data is drawn from. */
final class Vocabulary {

    private Vocabulary() {
    }

    /** A conversation topic: summary template ({name}, {agent} placeholders), the caller's opening line and an intent tag. */
    record Topic(String intent, String summary, String userLine, String agentLine) {
    }

    static final List<String> FIRST_NAMES = List.of(
            "Jane", "John", "Priya", "Rahul", "José", "Zoë", "Ananya", "Mohammed", "Chen", "Olivia",
            "Arjun", "Fatima", "Liam", "Sofia", "Vikram", "Emma", "Kenji", "Meera", "Lucas", "Aisha");
    /** FIRST_NAMES without accents, for e-mail addresses. */
    static final List<String> FIRST_ASCII = List.of(
            "jane", "john", "priya", "rahul", "jose", "zoe", "ananya", "mohammed", "chen", "olivia",
            "arjun", "fatima", "liam", "sofia", "vikram", "emma", "kenji", "meera", "lucas", "aisha");
    static final List<String> LAST_NAMES = List.of(
            "Doe", "Smith", "Sharma", "García", "O'Brien", "Iyer", "Khan", "Wei", "Nair", "Müller",
            "Patel", "Johnson", "Tanaka", "Rossi", "Gupta", "Brown");
    static final List<String> LAST_ASCII = List.of(
            "doe", "smith", "sharma", "garcia", "obrien", "iyer", "khan", "wei", "nair", "muller",
            "patel", "johnson", "tanaka", "rossi", "gupta", "brown");

    static final List<String> US_AREA_CODES = List.of("212", "312", "617", "646", "206");
    static final List<String> EMAIL_DOMAINS = List.of("example.com", "example.org", "example.net");

    static final List<Topic> TOPICS = List.of(
            new Topic("billing",
                    "Customer {name} asked about billing: a charge on the last invoice looked wrong. {agent} explained the charges and the customer was satisfied.",
                    "Hi, I have a question about a charge on my last invoice.",
                    "Sure, let me pull up your account and walk you through the charges."),
            new Topic("appointment",
                    "{name} wanted to reschedule an appointment to next week; {agent} confirmed the new slot and sent a reminder.",
                    "Hello, I need to move my appointment to next week.",
                    "No problem, I have Tuesday at 10am or Thursday at 3pm available."),
            new Topic("order_status",
                    "Order status inquiry from {name}; the agent shared the tracking details and the expected delivery date.",
                    "Where is my order? It was supposed to arrive yesterday.",
                    "I can see it is out for delivery and should arrive by this evening."),
            new Topic("login",
                    "{name} could not log in. {agent} reset the password and verified access.",
                    "I can't log into my account, it says my password is wrong.",
                    "I've sent a reset link to your email; let's try again together."),
            new Topic("callback",
                    "{name} said \"please call back after 5pm, I'm driving\", so a callback was scheduled.",
                    "Sorry, I'm driving right now, can you call back after 5pm?",
                    "Of course, I've scheduled a callback for after 5pm today."),
            new Topic("cancellation",
                    "{name} asked to cancel the subscription; {agent} offered a 20% discount, and the customer agreed to think about it.",
                    "I'd like to cancel my subscription, please.",
                    "I'm sorry to hear that. Before you go, can I offer you 20% off the next three months?"));

    static final String NO_ANSWER_SUMMARY = "The call was not answered.";
    static final String FAILED_SUMMARY = "The call could not be connected.";

    static final List<String> RAVAN_AGENT_NAMES = List.of(
            "Support Agent", "Sales Agent", "Appointment Scheduler", "Collections Reminder");
    static final List<String> VAANI_AGENT_NAMES = List.of(
            "vaani_support_priya", "vaani_sales_arjun", "vaani_reminders_meera");
    static final int ZUDU_AGENTS = 3;
    /** Agents' own lines; disjoint from customer numbers (other area codes / prefixes). */
    static final List<String> AGENT_LINES = List.of(
            "+14155550100", "+918037565218", "+14155550123", "+918037565219");

    static final List<String> RAVAN_CHANNELS = List.of("phone", "web", "sip");
    static final List<String> SENTIMENTS = List.of("positive", "neutral", "negative");
    static final List<String> ZUDU_SENTIMENTS = List.of("Positive", "Neutral", "Negative");
    static final List<String> SOURCES = List.of("crm", "campaign", "widget", "api");
    static final List<String> CAMPAIGNS = List.of("spring-renewals", "summer-2026", "win-back", "onboarding");
    static final List<String> PRIORITIES = List.of("low", "normal", "high");
    static final List<String> EVAL_TAGS = List.of("not enough data", "goal achieved", "needs follow-up");
    static final List<String> FAILURE_MESSAGES = List.of(
            "SIP 503 Service Unavailable", "SIP 486 Busy Here", "carrier rejected the call");
}
