#!/usr/bin/env python3
"""Synthetic month-end batch: one evaluation request per line (NDJSON), one patient each.

Usage: python3 bench/generate_month.py PATIENTS [SEED] [PAYER] > month.ndjson
(PAYER, e.g. MEDICARE, gives every patient that payer: the engine-ratio run compares Medicare only.)

Payer mix roughly like a Michigan primary-care network: Medicare 50 %, BCBSM/BCN/BCN Advantage 25 %,
Priority Health 10 %, Medicaid health plans 13 %, an unknown payer 2 %. Staff mix: clinical staff,
physicians, QHPs, medical assistants, community health workers. 0-20 entries per patient; about
1 % of lines are invalid (an entry outside the month) and get a problem object back.
"""
import json
import random
import sys

patients = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 42)
month = "2026-03"
only_payer = sys.argv[3] if len(sys.argv) > 3 else None
payers = ["MEDICARE"] * 50 + ["BCBSM"] * 15 + ["BCN"] * 6 + ["BCN_ADVANTAGE"] * 4 + ["PRIORITY_HEALTH"] * 10 \
    + ["MEDICAID_HMO"] * 13 + ["ACME_HEALTH"] * 2
activities = ["CARE_COORDINATION"] * 6 + ["MEDICATION_MANAGEMENT"] * 3 + ["COMMUNITY_RESOURCES", "CARE_PLAN",
    "PATIENT_COMMUNICATION", "ONLINE_FORMS", "RESOURCE_RESEARCH", "PRIOR_AUTHORIZATION", "CHART_PREP"]
methods = ["PHONE"] * 8 + ["PORTAL"] * 3 + ["ONLINE_FORM", "RESEARCH", "EMAIL", "FAX", "IN_PERSON"]
staff = [
    {"id": "S1", "name": "Dana Lee", "credentials": "RN", "role": "CLINICAL_STAFF", "licensed": True,
     "teamCareTrainingDate": "2025-06-01", "careTeamStartDate": "2025-05-01"},
    {"id": "S2", "name": "Ali Khan", "credentials": "MA", "role": "CLINICAL_STAFF", "licensed": False,
     "teamCareTrainingDate": "2025-06-01", "careTeamStartDate": "2025-05-01", "scopeOfServiceOnFile": True},
    {"id": "D1", "name": "Ana Roy", "credentials": "MD", "role": "PHYSICIAN", "licensed": True,
     "teamCareTrainingDate": "2025-06-01"},
    {"id": "Q1", "name": "Lee Park", "credentials": "NP", "role": "QHP", "licensed": True,
     "teamCareTrainingDate": "2025-06-01"},
    {"id": "H1", "name": "Rae Cole", "credentials": "CHW", "role": "NON_CLINICAL", "licensed": False,
     "careTeamStartDate": "2026-01-10", "scopeOfServiceOnFile": True},
]
staff_weights = [50, 20, 10, 10, 10]
out = sys.stdout
for p in range(patients):
    pid = "P%06d" % p
    patient = {"id": pid, "payer": only_payer or rng.choice(payers), "chronicConditions": ["E11.9", "I10", "N18.3"][:rng.randint(1, 3)],
               "consentDate": "2025-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28)),
               "carePlanOnFile": rng.random() > 0.05, "complexity": rng.choice(["LOW", "MODERATE", "HIGH"])}
    entries = []
    for e in range(rng.randint(0, 20)):
        s = rng.choices(staff, weights=staff_weights)[0]
        day = rng.randint(1, 31)
        entries.append({"id": "%s-E%02d" % (pid, e), "patientId": pid, "staffId": s["id"],
                        "billingProviderId": rng.choice(["1234567893", "1234567893", "1234567893", "1987654321"]),
                        "date": "%s-%02d" % (month, day), "minutes": rng.randint(2, 25),
                        "activity": rng.choice(activities), "method": rng.choice(methods),
                        "counterpart": "Home health agency", "note": "Coordinated services"})
    if entries and rng.random() < 0.01:
        entries[0]["date"] = "2026-04-01"
    out.write(json.dumps({"month": month, "patients": [patient], "staff": staff, "entries": entries},
                         separators=(",", ":")))
    out.write("\n")
