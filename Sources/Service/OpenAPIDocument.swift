/// The OpenAPI 3.1 description of the API, served at `/openapi.json`. Written by hand beside
/// the handlers it describes; CI validates it (`Scripts/check-openapi`) and a test checks that
/// every route it lists answers.
enum OpenAPIDocument {
    static let bytes = Array(text.utf8)

    static let text = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Guichet — API des dispositifs d'aide",
        "version": "0.1.0",
        "description": "Évalue des demandes d'aide au regard des dispositifs votés par délibération, et simule des réformes. Toute évaluation est une simulation : elle n'est pas une décision. Les messages d'erreur sont en français et portent un code stable.",
        "license": { "name": "Licence du projet Guichet" }
      },
      "servers": [ { "url": "/" } ],
      "paths": {
        "/health": {
          "get": {
            "operationId": "health",
            "summary": "État du service",
            "responses": { "200": { "description": "Le service répond", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } } } }
          }
        },
        "/schemes": {
          "get": {
            "operationId": "listSchemes",
            "summary": "Les dispositifs",
            "responses": { "200": { "description": "Les dispositifs chargés", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SchemeList" } } } } }
          }
        },
        "/schemes/{id}": {
          "get": {
            "operationId": "getScheme",
            "summary": "Un dispositif : ses questions, ses paramètres datés, ses pièces et ses textes",
            "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" }, "example": "pdesi" } ],
            "responses": {
              "200": { "description": "Le dispositif", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SchemeDetail" } } } },
              "404": { "$ref": "#/components/responses/Error" }
            }
          }
        },
        "/evaluations": {
          "post": {
            "operationId": "evaluate",
            "summary": "Évaluer un dossier de demande (simulation)",
            "description": "Le corps est un dossier de demande, au format des fichiers de Applications/ : YAML, ou JSON (lu comme le YAML qu'il est). Aucun registre n'est lu : les plafonds ne comptent aucune décision antérieure.",
            "parameters": [ { "name": "date", "in": "query", "required": false, "description": "Le jour dont les règles s'appliquent (AAAA-MM-JJ) ; aujourd'hui par défaut.", "schema": { "type": "string", "format": "date" } } ],
            "requestBody": {
              "required": true,
              "content": {
                "application/json": { "schema": { "$ref": "#/components/schemas/Application" } },
                "application/yaml": { "schema": { "type": "string" } }
              }
            },
            "responses": {
              "200": { "description": "Une évaluation par demande du dossier", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EvaluationResponse" } } } },
              "400": { "$ref": "#/components/responses/Error" },
              "413": { "$ref": "#/components/responses/Error" },
              "422": { "$ref": "#/components/responses/Error" }
            }
          }
        },
        "/simulations": {
          "post": {
            "operationId": "simulate",
            "summary": "Simuler une réforme sur un portefeuille de demandes",
            "description": "Chaque demande est évaluée selon les règles en vigueur et selon la réforme. La réponse ne donne que des totaux : aucune demande ni aucun demandeur n'y est nommé. Une simulation à la fois : une autre pendant ce temps reçoit 503.",
            "requestBody": {
              "required": true,
              "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SimulationRequest" } } }
            },
            "responses": {
              "200": { "description": "Les totaux par dispositif", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SimulationResponse" } } } },
              "400": { "$ref": "#/components/responses/Error" },
              "413": { "$ref": "#/components/responses/Error" },
              "422": { "$ref": "#/components/responses/Error" },
              "500": { "$ref": "#/components/responses/Error" },
              "503": { "description": "Une simulation est déjà en cours : réessayer plus tard", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
            }
          }
        }
      },
      "components": {
        "responses": {
          "Error": { "description": "Une erreur, avec son code stable et un message en français", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
        },
        "schemas": {
          "Error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
              "code": { "type": "string", "enum": ["dispositif-inconnu", "requete-trop-grande", "demande-invalide", "requete-invalide", "methode-non-permise", "service-occupe", "erreur-interne"] },
              "message": { "type": "string" },
              "diagnostics": { "type": "array", "items": { "$ref": "#/components/schemas/Diagnostic" } }
            }
          },
          "Diagnostic": {
            "type": "object",
            "required": ["message", "line", "column"],
            "properties": {
              "message": { "type": "string" },
              "path": { "type": ["string", "null"], "description": "Le chemin du champ dans le fichier, comme facts.projet.depense_eligible_ht" },
              "line": { "type": "integer" },
              "column": { "type": "integer" }
            }
          },
          "Health": { "type": "object", "required": ["status", "schemes"], "properties": { "status": { "const": "ok" }, "schemes": { "type": "integer" } } },
          "Window": { "type": "object", "properties": { "from": { "type": ["string", "null"], "format": "date" }, "until": { "type": ["string", "null"], "format": "date" } } },
          "SchemeSummary": {
            "type": "object",
            "required": ["id", "title", "kind", "kind_label", "authority", "in_force"],
            "properties": {
              "id": { "type": "string" }, "title": { "type": "string" }, "kind": { "type": "string" }, "kind_label": { "type": "string" },
              "family": { "type": ["string", "null"] }, "authority": { "type": "string" }, "in_force": { "$ref": "#/components/schemas/Window" }
            }
          },
          "SchemeList": { "type": "object", "required": ["schemes"], "properties": { "schemes": { "type": "array", "items": { "$ref": "#/components/schemas/SchemeSummary" } } } },
          "Choice": { "type": "object", "required": ["code", "label"], "properties": { "code": { "type": "string" }, "label": { "type": "string" } } },
          "Question": {
            "type": "object",
            "required": ["id", "question", "type"],
            "properties": {
              "id": { "type": "string" }, "question": { "type": "string" }, "help": { "type": ["string", "null"] }, "type": { "type": "string" },
              "choices": { "type": "array", "items": { "$ref": "#/components/schemas/Choice" } },
              "piece": { "type": ["string", "null"] }, "confirmed_by_instructor": { "type": "boolean" }, "per_month": { "type": "boolean" },
              "basis": { "type": "string" }, "minimum": { "type": ["string", "null"] }, "maximum": { "type": ["string", "null"] }, "default": { "type": ["string", "null"] }
            }
          },
          "ParameterVersion": { "type": "object", "required": ["value", "text", "fictitious"], "properties": { "from": { "type": ["string", "null"], "format": "date" }, "value": { "type": "string" }, "text": { "type": "string" }, "fictitious": { "type": "boolean" } } },
          "Parameter": {
            "type": "object",
            "required": ["id", "label", "type", "versions"],
            "properties": {
              "id": { "type": "string" }, "label": { "type": "string" }, "type": { "type": "string" }, "source": { "type": ["string", "null"] },
              "date": { "type": ["string", "null"] }, "versions": { "type": "array", "items": { "$ref": "#/components/schemas/ParameterVersion" } }
            }
          },
          "Piece": { "type": "object", "required": ["id", "label"], "properties": { "id": { "type": "string" }, "label": { "type": "string" }, "source": { "type": ["string", "null"] } } },
          "Source": {
            "type": "object",
            "required": ["id", "citation"],
            "properties": { "id": { "type": "string" }, "citation": { "type": "string" }, "lines": { "type": ["string", "null"] }, "quote": { "type": ["string", "null"] }, "summary": { "type": ["string", "null"] } }
          },
          "SchemeDetail": {
            "allOf": [ { "$ref": "#/components/schemas/SchemeSummary" } ],
            "type": "object",
            "required": ["questions", "parameters", "pieces", "sources"],
            "properties": {
              "questions": { "type": "array", "items": { "$ref": "#/components/schemas/Question" } },
              "parameters": { "type": "array", "items": { "$ref": "#/components/schemas/Parameter" } },
              "pieces": { "type": "array", "items": { "$ref": "#/components/schemas/Piece" } },
              "sources": { "type": "array", "items": { "$ref": "#/components/schemas/Source" } }
            }
          },
          "Application": {
            "type": "object",
            "description": "Un dossier de demande, au format des fichiers de Applications/ (voir Docs/SCHEME-FORMAT.md et GET /schemes/{id} pour les questions).",
            "required": ["scheme", "id", "filed", "applicant"],
            "properties": {
              "scheme": { "type": "string" }, "id": { "type": "string" }, "filed": { "type": "string", "format": "date" },
              "applicant": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" }, "kind": { "type": "string" }, "address": { "type": "string" }, "siret": { "type": "string" } } },
              "subject": { "type": "string" }, "facts": { "type": "object" }, "pieces": { "type": "array", "items": { "type": "string" } }
            }
          },
          "MissingQuestion": { "type": "object", "required": ["id", "question"], "properties": { "id": { "type": "string" }, "question": { "type": "string" }, "help": { "type": ["string", "null"] } } },
          "Evaluation": {
            "type": "object",
            "required": ["application", "scheme", "outcome", "missing_questions", "missing_pieces", "decision"],
            "properties": {
              "application": { "type": "string" }, "scheme": { "type": "string" },
              "outcome": { "type": "string", "enum": ["favorable", "défavorable", "incomplet", "à instruire"] },
              "amount": { "type": ["string", "null"], "description": "Montant en euros, deux décimales, point décimal" },
              "missing_questions": { "type": "array", "items": { "$ref": "#/components/schemas/MissingQuestion" } },
              "missing_pieces": { "type": "array", "items": { "$ref": "#/components/schemas/Piece" } },
              "decision": { "type": "object", "description": "La décision simulée, au format des fichiers .json qu'écrit guichet evaluate (Docs/DECISION-FORMAT.md, Docs/decision.schema.json)." }
            }
          },
          "EvaluationResponse": {
            "type": "object",
            "required": ["date", "notice", "evaluations"],
            "properties": {
              "date": { "type": "string", "format": "date" }, "notice": { "type": "string", "description": "« Simulation — ce document n'est pas une décision. »" },
              "evaluations": { "type": "array", "items": { "$ref": "#/components/schemas/Evaluation" } }
            }
          },
          "SimulationRequest": {
            "type": "object",
            "required": ["reform", "portfolio"],
            "properties": {
              "reform": { "type": "string", "description": "Le fichier de réforme (YAML), comme ceux de Rules/reforms/." },
              "portfolio": { "type": "string", "description": "Les demandes (YAML, documents séparés par ---)." }
            }
          },
          "Outcomes": { "type": "object", "additionalProperties": { "type": "integer" } },
          "SchemeTotals": {
            "type": "object",
            "required": ["scheme", "applications", "outcomes_before", "outcomes_after", "amount_before", "amount_after", "difference"],
            "properties": {
              "scheme": { "type": "string" }, "applications": { "type": "integer" },
              "outcomes_before": { "$ref": "#/components/schemas/Outcomes" }, "outcomes_after": { "$ref": "#/components/schemas/Outcomes" },
              "amount_before": { "type": "string" }, "amount_after": { "type": "string" }, "difference": { "type": "string" },
              "changed": { "type": "integer", "description": "Les demandes dont l'issue, le montant ou la place dans l'appel change" },
              "gainers": { "type": "integer" }, "gained": { "type": "string", "description": "La somme exacte des hausses" },
              "losers": { "type": "integer" }, "lost": { "type": "string", "description": "La somme exacte des baisses (négative)" },
              "call": { "$ref": "#/components/schemas/CallSelection" },
              "breakdowns": { "$ref": "#/components/schemas/Breakdowns" },
              "reasons": { "type": "array", "items": { "$ref": "#/components/schemas/ChangeReasonGroup" } }
            }
          },
          "Breakdowns": {
            "type": "object",
            "description": "Les ventilations que demande la réforme (breakdown). Un groupe de moins de 5 demandes est fondu dans « autres valeurs », et une ventilation qui ne peut l'être sans désigner personne est une liste vide.",
            "properties": {
              "input": { "type": "string", "description": "La donnée dont les valeurs ventilent les montants" },
              "groups": { "type": "array", "items": { "$ref": "#/components/schemas/BreakdownGroup" } },
              "commune_input": { "type": "string", "description": "La donnée qui donne le SIREN du maître d'ouvrage, joint au référentiel des communes" },
              "population_bands": { "type": "array", "items": { "$ref": "#/components/schemas/BreakdownGroup" }, "description": "Par tranche de population de la commune, puis les demandes d'aucune commune du référentiel" },
              "arrondissements": { "type": "array", "items": { "$ref": "#/components/schemas/BreakdownGroup" }, "description": "Par arrondissement de la commune, puis les demandes d'aucune commune du référentiel" },
              "unattached": { "type": "integer", "description": "Les demandes dont le maître d'ouvrage n'est pas une commune du référentiel" }
            }
          },
          "BreakdownGroup": {
            "type": "object",
            "required": ["value", "label", "count", "amount_before", "amount_after", "difference"],
            "properties": {
              "value": { "type": "string" }, "label": { "type": "string" }, "count": { "type": "integer" },
              "amount_before": { "type": "string" }, "amount_after": { "type": "string" }, "difference": { "type": "string" }
            }
          },
          "CallRun": {
            "type": "object",
            "required": ["admissible", "laureates", "waiting_list", "not_retained", "envelope_used", "envelope_needed"],
            "properties": {
              "admissible": { "type": "integer" }, "laureates": { "type": "integer" }, "waiting_list": { "type": "integer" },
              "not_retained": { "type": "integer" }, "envelope_used": { "type": "string" },
              "envelope_needed": { "type": "string", "description": "L'enveloppe qui financerait tous les projets admissibles" },
              "unselected": { "type": ["string", "null"], "description": "Pourquoi aucune sélection n'a pu être faite (enveloppe non fixée)" }
            }
          },
          "CallSelection": {
            "type": "object",
            "required": ["before", "after"],
            "properties": {
              "envelope_before": { "type": ["string", "null"] }, "envelope_after": { "type": ["string", "null"] },
              "before": { "$ref": "#/components/schemas/CallRun" }, "after": { "$ref": "#/components/schemas/CallRun" }
            }
          },
          "ChangeReasonGroup": {
            "type": "object",
            "required": ["effect", "cause", "count", "difference", "text"],
            "properties": {
              "effect": { "type": "string", "enum": ["criterionFailed", "criterionMet", "criterionChanged", "capBinds", "capReleased", "step", "amount", "outcome", "selectionLost", "selectionGained", "selectionMoved"] },
              "cause": { "type": "string", "enum": ["none", "parameter", "limitRose", "limitFell"] },
              "count": { "type": "integer" }, "difference": { "type": "string" },
              "text": { "type": "string", "description": "La raison en une phrase, comme dans le rapport" }
            }
          },
          "SimulationResponse": {
            "type": "object",
            "required": ["reform", "applications", "errors", "schemes"],
            "properties": {
              "reform": { "type": "string" }, "applications": { "type": "integer" }, "errors": { "type": "integer" },
              "schemes": { "type": "array", "items": { "$ref": "#/components/schemas/SchemeTotals" } }
            }
          }
        }
      }
    }
    """#
}
