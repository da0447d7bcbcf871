package com.carepoint.gpconnect.senddocument;

/**
 * The MESH metadata of a Consultation Report (GPCM-SD-CS-060..068, CS-080), every value printable ASCII.
 *
 * @param to         {@code Mex-To}: {@code GPPROVIDER_<NHS number>_<date of birth yyyyMMdd>_<surname>}
 * @param workflowId {@code Mex-WorkflowID}: {@code GPFED_CONSULT_REPORT}
 * @param subject    {@code Mex-Subject}
 * @param localId    {@code Mex-LocalID}: the sender's ODS code
 * @param fileName   {@code Mex-FileName}
 */
public record MeshAddressing(String to, String workflowId, String subject, String localId, String fileName) {

    @Override
    public String toString() {
        // The address and the subject name the patient.
        return "MeshAddressing[workflowId=" + workflowId + ", localId=" + localId + "]";
    }
}
