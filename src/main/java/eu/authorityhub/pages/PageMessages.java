package eu.authorityhub.pages;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The pages' words in English; messages/msg_fr, _nl and _de translate them. Templates use {msg:key}. */
@MessageBundle(value = "msg", locale = "en")
public interface PageMessages {

    @Message("Authority hub")
    String app();

    @Message("Skip to the content")
    String skip();

    @Message("Main menu")
    String menu();

    @Message("Inbox")
    String inbox();

    @Message("Requests")
    String requests();

    @Message("New request")
    String newRequest();

    @Message("Sign out")
    String signOut();

    @Message("Language")
    String language();

    @Message("Signed in as {user}")
    String signedInAs(String user);

    @Message("acting for {authority}")
    String actingFor(String authority);

    @Message("What arrived for your authority, newest first.")
    String inboxIntro();

    @Message("Show")
    String show();

    @Message("Everything")
    String all();

    @Message("Requests")
    String kindRequest();

    @Message("Alerts")
    String kindAlert();

    @Message("Nothing has arrived yet.")
    String emptyInbox();

    @Message("Case")
    String caseColumn();

    @Message("Event")
    String event();

    @Message("State")
    String state();

    @Message("Received")
    String receivedAt();

    @Message("Open")
    String open();

    @Message("Received requests")
    String received();

    @Message("Sent requests")
    String sent();

    @Message("Reference")
    String reference();

    @Message("From")
    String requester();

    @Message("To")
    String responder();

    @Message("Profession")
    String profession();

    @Message("Due")
    String due();

    @Message("Last change")
    String updated();

    @Message("overdue")
    String overdue();

    @Message("due soon")
    String dueSoon();

    @Message("No requests here.")
    String noRequests();

    @Message("Previous page")
    String previous();

    @Message("Next page")
    String next();

    @Message("Request {reference}")
    String requestTitle(String reference);

    @Message("The professional")
    String professional();

    @Message("Name")
    String name();

    @Message("Born")
    String born();

    @Message("Questions")
    String questions();

    @Message("Answer")
    String answer();

    @Message("No answer yet")
    String noAnswer();

    @Message("Timeline")
    String timeline();

    @Message("Attachments")
    String attachments();

    @Message("None")
    String none();

    @Message("What you can do")
    String actions();

    @Message("Nothing to do for your authority now.")
    String noActions();

    @Message("Reason")
    String reason();

    @Message("Accept")
    String action_ACCEPT();

    @Message("Decline")
    String action_DECLINE();

    @Message("Send the answer")
    String action_ANSWER();

    @Message("Save the answers")
    String action_SAVE_ANSWERS();

    @Message("Close the request")
    String action_CLOSE();

    @Message("Withdraw the request")
    String action_WITHDRAW();

    @Message("Send the request")
    String action_SEND();

    @Message("Yes")
    String yes();

    @Message("No")
    String no();

    @Message("Find the competent authority, choose the questions, name the professional.")
    String newIntro();

    @Message("Member state of the authority asked")
    String memberState();

    @Message("Find")
    String find();

    @Message("Authority asked")
    String authority();

    @Message("Policy area")
    String policyArea();

    @Message("Procedure")
    String procedure();

    @Message("Family name")
    String familyName();

    @Message("Given names")
    String givenNames();

    @Message("Date of birth")
    String birthDate();

    @Message("Requested due date")
    String requestedDueDate();

    @Message("Questions from the catalogue")
    String catalogue();

    @Message("Save as draft")
    String saveDraft();

    @Message("Send")
    String send();

    @Message("The page could not be shown")
    String errorTitle();

    @Message("Back to the inbox")
    String backHome();

    @Message("There is a problem")
    String problem();

    @Message("Done.")
    String done();
}
